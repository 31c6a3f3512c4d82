import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Microsoft retired the Bot Framework SDK at the end of 2025; its replacement (the Microsoft
    // 365 Agents SDK) should only ever need changes in the Teams adapter's folder.
    files: ['src/**/*.ts'],
    ignores: ['src/channels/teams/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/agents-*'],
              message: 'Only src/channels/teams may use Microsoft’s bot SDK (docs/agents-sdk.md).',
            },
          ],
        },
      ],
    },
  },
);
