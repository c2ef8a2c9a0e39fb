/** Budgets preferences. (Being built.) */
export function BudgetsSection() {
  return <p className="muted">Coming in this version.</p>
}
