/** The library's vocabulary: states, events (with payloads and computed fields), rules, context, effects. */
export * from './states';
export * from './actors';
export * from './events';
export * from './rules';
export * from './context';
export * from './effects';
