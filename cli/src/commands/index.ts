import type { Command } from 'commander';

/**
 * Commands other than lint. Each module exports `register(program)`; add one import and one entry per command.
 * Keep this list in the order commands should appear in --help.
 */
export const commandRegistrations: Array<(program: Command) => void> = [];
