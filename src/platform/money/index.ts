export * from './money.js';
export * from './currencies.js';
export {
  parseDec,
  decToString,
  mulDec,
  divDec,
  compareDec,
  roundDecToInt,
  isDecimalString,
  type Dec,
  type Rounding,
} from './decimal.js';
