#!/usr/bin/env node
/**
 * `tokenledger`: the headless CLI. Runs the engine in-process: ingest what changed, then report.
 * Verbs, flags and --json shapes are a contract for users' scripts (see README).
 */
import { Command, Option } from 'commander'
import { rebuildCommand, sourcesCommand, watchCommand } from './admin-commands.ts'
import { registerExportCommand } from './export-command.ts'
import { guarded } from './guarded.ts'
import type { CommonFlags } from './options.ts'
import { blocksCommand, modelsCommand, periodCommand, sessionCommand } from './report-commands.ts'
import { registerPricingCommands } from './pricing-commands.ts'
import { registerImportCommand } from './import-command.ts'

const program = new Command()
  .name('tokenledger')
  .description('What your AI coding agents cost: reports from their local logs (no network, no account).')
  .version('0.1.0')
  .showHelpAfterError()

function withCommonFlags(cmd: Command): Command {
  return cmd
    .option('--home <dir>', "treat DIR as the user's home when looking for agent data (env TOKENLEDGER_HOME)")
    .option('--db <file>', 'ledger database (default: the app data dir; env TOKENLEDGER_DB)')
    .option('--since <date>', 'first local date to include, YYYY-MM-DD')
    .option('--until <date>', 'last local date to include, YYYY-MM-DD')
    .option('--tz <zone>', "IANA time zone for days (default: the app's Preferences zone, else the system's)")
    .option('--provider <list>', 'only these providers, comma-separated (claude,codex,…)')
    .option('--json', 'print JSON instead of a table')
    .addOption(new Option('--mode <mode>', 'cost column in tables: list (list price) or effective (plan fees blended in)').choices(['list', 'effective']).default('list'))
    .addOption(new Option('--demo', 'use a generated demo home (sample Claude Code and Codex logs)').conflicts('home'))
}

withCommonFlags(program.command('daily').description('usage and cost per day')).action(guarded((f: CommonFlags) => periodCommand('daily', f)))
withCommonFlags(program.command('weekly').description('usage and cost per week (weeks start on Monday, or as set in Preferences)')).action(guarded((f: CommonFlags) => periodCommand('weekly', f)))
withCommonFlags(program.command('monthly').description('usage and cost per month')).action(guarded((f: CommonFlags) => periodCommand('monthly', f)))
withCommonFlags(program.command('session').description('usage and cost per agent session')).action(guarded(sessionCommand))
withCommonFlags(program.command('models').description('usage and cost per model')).action(guarded(modelsCommand))
withCommonFlags(program.command('blocks').description("Claude's 5-hour windows, estimated from local activity")).action(guarded(blocksCommand))
withCommonFlags(program.command('sources').description('where agent data was looked for, what was found, skipped lines by reason')).action(guarded(sourcesCommand))
withCommonFlags(program.command('rebuild').description('re-read every source; events whose files are gone are kept')).action(guarded(rebuildCommand))
withCommonFlags(program.command('watch').description('keep reading new usage; rewrite a snapshot file on every change'))
  .option('--ui-snapshot-path <file>', 'write the versioned UI snapshot JSON here (atomically) on every change')
  .action(guarded(watchCommand))

registerExportCommand(program, withCommonFlags)
registerImportCommand(program, withCommonFlags)
registerPricingCommands(program, withCommonFlags)

await program.parseAsync(process.argv)
