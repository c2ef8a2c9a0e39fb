import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { getApi } from './api.ts'
import { App } from './components/app.tsx'
import { connectLedger } from './connect.ts'
import { useLedger } from './store.ts'

const api = getApi()
if (api === null) useLedger.getState().setNoBridge()
else connectLedger(api, useLedger.getState())

const root = document.getElementById('root')
if (root === null) throw new Error('index.html lacks #root')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
