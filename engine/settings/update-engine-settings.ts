import type { SettingsEffects, Engine } from '../core/engine.ts'
import { checkNewCustomFolders } from './check-custom-folders.ts'
import { updateSettings } from './settings-repo.ts'

/**
 * Validates a settings patch, stores it and applies it to the engine. Throws InputError naming each bad
 * field (`display.timezone`, `sources.customFolders.0.dir`); nothing is stored or applied then. Kept out
 * of Engine so the CLI, which never changes settings, starts without loading the validation library.
 */
export function updateEngineSettings(engine: Engine, patch: unknown): SettingsEffects {
  // A custom folder must exist on disk: checked here, where the engine knows the agents' own locations.
  checkNewCustomFolders(patch, engine.settings.sources, engine.allAdapters, engine.discoveryContext)
  return engine.applySettings(updateSettings(engine.db, engine.settings, patch, engine.now()))
}
