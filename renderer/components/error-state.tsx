interface Props {
  title: string
  message: string
  code?: string | undefined
}

/** The engine cannot give numbers: say why, in the engine's words, instead of showing stale or zero data. */
export function ErrorState({ title, message, code }: Props) {
  return (
    <section className="state" data-testid="error-state" role="alert">
      <h1 className="state-title">{title}</h1>
      <p data-testid="error-message">{message}</p>
      {code !== undefined && <p className="small muted">Code: {code}</p>}
    </section>
  )
}

export function LoadingState() {
  return (
    <section className="state" data-testid="loading-state" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <p className="muted">Reading your agents' logs…</p>
    </section>
  )
}
