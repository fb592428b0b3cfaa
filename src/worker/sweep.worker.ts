// First: no schema may be built before zod is told not to generate code.
import './zod-jitless';
import { expose } from 'comlink';
import { createSweepApi } from './sweep-api';

expose(createSweepApi());
