/**
 * Minimum order quantity and order multiples, with a message that says what to do and the
 * nearest quantities that would be accepted.
 */
export interface QuantityProblem {
  code: 'below_moq' | 'not_multiple' | 'invalid_quantity';
  message: string;
  key: string;
  params: Record<string, string | number>;
  /** Quantities the buyer can switch to. */
  suggestions: number[];
}

export function checkQuantity(quantity: number, moq: number, multiple: number, sku: string): QuantityProblem | null {
  const m = Math.max(1, multiple);
  const min = Math.max(1, moq);
  // The smallest acceptable quantity is the first multiple at or above the MOQ.
  const smallest = Math.ceil(min / m) * m;
  if (!Number.isInteger(quantity) || quantity < 1) {
    return { code: 'invalid_quantity', message: `Enter a whole number of at least ${smallest}.`, key: 'cart.problem.invalidQuantity', params: { min: smallest }, suggestions: [smallest] };
  }
  if (quantity < min) {
    return {
      code: 'below_moq',
      message: `${sku} has a minimum order of ${min}${m > 1 ? ` in multiples of ${m}` : ''}: change the quantity to ${smallest} or more.`,
      key: 'cart.problem.belowMoq',
      params: { sku, moq: min, multiple: m, suggestion: smallest },
      suggestions: [smallest],
    };
  }
  if (quantity % m !== 0) {
    const down = Math.floor(quantity / m) * m;
    const up = down + m;
    const suggestions = down >= smallest ? [down, up] : [up];
    return {
      code: 'not_multiple',
      message: `${sku} is sold in multiples of ${m}: change ${quantity} to ${suggestions.join(' or ')}.`,
      key: 'cart.problem.notMultiple',
      params: { sku, multiple: m, quantity, suggestions: suggestions.join(' / ') },
      suggestions,
    };
  }
  return null;
}
