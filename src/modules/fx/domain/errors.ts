import { AppError } from '../../../platform/errors/app-error.js';
import { FxError } from './convert.js';
import { RateFileError } from './ecb-files.js';

/** Turns the pure core's errors into replies a person can act on (never a 500 for bad data). */
export function fxAppError(e: unknown, field = 'currency'): unknown {
  if (e instanceof FxError) return new AppError('unprocessable', e.message, { errors: [{ field, message: e.message, code: e.kind }] });
  if (e instanceof RateFileError) return new AppError('validation_failed', e.message, { errors: [{ field: 'file', message: e.message }] });
  return e;
}
