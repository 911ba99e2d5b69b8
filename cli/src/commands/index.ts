import type { Command } from 'commander';
import { registerRender } from './render';
import { registerExport } from './export';
import { registerDiff } from './diff';
import { register as registerCheckBid } from './check-bid';
import { register as registerMonitor } from './monitor';

/**
 * Commands other than lint. Each module exports `register(program)`; add one import and one entry per command.
 * Keep this list in the order commands should appear in --help.
 */
export const commandRegistrations: Array<(program: Command) => void> = [registerRender, registerExport, registerDiff, registerCheckBid, registerMonitor];
