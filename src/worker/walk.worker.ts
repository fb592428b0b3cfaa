// First: no schema may be built before zod is told not to generate code.
import './zod-jitless';
import { expose } from 'comlink';
import { createWalkApi } from './walk-api';

expose(createWalkApi());
