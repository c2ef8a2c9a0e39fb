/** Display preferences. (Being built.) */
export function DisplaySection() {
  return <p className="muted">Coming in this version.</p>
}
