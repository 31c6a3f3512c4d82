export { loadConfig, describeChannels, ConfigError } from './config';
export type { Config, TeamsConfig, SlackConfig, LogLevel } from './config';
