import { createContext } from 'preact';
import type { SandboxSession } from '../../../src/sandbox/bridge-protocol.js';

/** Names of users, channels and roles by id, so mentions read as names. */
export type NameBook = SandboxSession['names'];

export const NamesContext = createContext<NameBook>({ users: {}, channels: {}, roles: {} });
