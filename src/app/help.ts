export type Platform = 'teams' | 'slack';

/**
 * What the bot says when asked for help. The command set grows with the scrutiny workflow;
 * until then this tells people the bot is alive and where to find it.
 */
export function helpText(platform: Platform): string {
  const prefix = platform === 'slack' ? '/scrutiny ' : '';
  return [
    'I am the scrutiny bot: I help your tenant panel run inspections, reviews and votes here in chat.',
    `Type \`${prefix}help\` at any time to see what you can do.`,
  ].join('\n');
}
