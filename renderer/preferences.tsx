import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { PreferencesApp } from './preferences/preferences-app.tsx'

const root = document.getElementById('root')
if (root === null) throw new Error('preferences.html lacks #root')
createRoot(root).render(
  <StrictMode>
    <PreferencesApp />
  </StrictMode>,
)
