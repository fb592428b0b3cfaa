import { expose } from 'comlink';
import { createSweepApi } from './sweep-api';

expose(createSweepApi());
