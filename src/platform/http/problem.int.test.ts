import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../testing/harness.js';

describe(`HTTP basics on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => ctx?.close());

  it('reports health and the database kind', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: DATABASE_UNDER_TEST });
  });

  it('answers an unknown route with a problem document', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/store/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body).toMatchObject({ status: 404, code: 'not_found', title: 'Not found' });
    expect(body.requestId).toMatch(/^req_/);
    expect(res.headers['x-request-id']).toBe(body.requestId);
  });

  it('serves the OpenAPI 3.1 document', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toBe('3.1.0');
    expect(Object.keys(res.json().paths)).toContain('/healthz');
  });
});
