export * from './data-index.js';
export * from './backends/index.js';
export * from './adapter/index.js';
export * from './workbench-index.js';
