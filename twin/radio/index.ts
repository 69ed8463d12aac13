export * from './radio-config.ts';
export * from './propagation.ts';
export * from './link.ts';
export * from './interference.ts';
export * from './topology.ts';
export * from './mesh-network.ts';
export * from './ble-medium.ts';
export * from './walls.ts';
