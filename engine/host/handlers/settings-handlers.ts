import type { SettingsView } from '../../../common/methods/settings-methods.ts'
import type { Engine } from '../../core/engine.ts'
import { updateEngineSettings } from '../../settings/update-engine-settings.ts'
import type { Handlers } from './handler-types.ts'

/** Settings are stored, then applied live: a new snapshot carries them to the tray, popover and file. */
export const settingsHandlers: Handlers<'settings.get' | 'settings.update'> = {
  'settings.get': ({ engine }) => settingsView(engine),
  'settings.update': async ({ engine, live }, patch) => {
    const effects = updateEngineSettings(engine, patch)
    if (live !== null) await live.applySettings(effects)
    else if (effects.sourcesChanged) engine.ingest()
    return settingsView(engine)
  },
}

function settingsView(engine: Engine): SettingsView {
  return { settings: engine.settings, defaultSnapshotPath: engine.defaultSnapshotPath, systemTimezone: engine.systemTimezone, warnings: [...engine.settingsWarnings] }
}
