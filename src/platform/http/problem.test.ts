import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { problemOf } from './problem.js';

describe('problem documents', () => {
  it('translate the detail and field messages that carry a catalog key, and keep the rest', () => {
    const err = new AppError('internal', 'Internal error', {
      key: 'error.internal',
      params: { requestId: 'req_1' },
      errors: [
        { field: 'body.x', message: 'fallback text', key: 'error.internal', params: { requestId: 'req_1' } },
        { field: 'body.y', message: 'plain English only' },
      ],
    });
    const zh = problemOf(err, 'req_1', 'zh-CN');
    expect(zh.detail).toContain('req_1');
    expect(zh.detail).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.errors[0]).toEqual({ field: 'body.x', message: zh.detail });
    expect(zh.errors[1]).toEqual({ field: 'body.y', message: 'plain English only' });
    expect(problemOf(err, 'req_1', 'en').errors[0]!.message).toMatch(/^Something went wrong/);
  });
});
