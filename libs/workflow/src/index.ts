export * from './lib/types';
export * from './lib/machine';
export * from './lib/engine';
export * from './lib/policy';
export { sampleEvent, addDays } from './lib/sample-events';
export { guards, type GuardArgs, type GuardName, type SwitchRule } from './lib/guards';
