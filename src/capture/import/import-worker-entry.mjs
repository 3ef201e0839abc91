// A worker thread starts without the TypeScript loader of its parent, so it registers tsx before loading the worker.
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
