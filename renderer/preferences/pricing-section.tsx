/** Pricing preferences. (Being built.) */
export function PricingSection() {
  return <p className="muted">Coming in this version.</p>
}
