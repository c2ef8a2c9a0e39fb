/** Plans preferences. (Being built.) */
export function PlansSection() {
  return <p className="muted">Coming in this version.</p>
}
