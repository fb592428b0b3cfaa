import { expose } from 'comlink';
import { createWalkApi } from './walk-api';

expose(createWalkApi());
