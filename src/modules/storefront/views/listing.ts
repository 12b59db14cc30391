import { facets as F, type SearchResult } from '../../catalog/index.js';
import { localePath, queryString } from '../domain/seo.js';
import { html, type Html } from './html.js';
import type { PageCtx } from './context.js';
import { breadcrumb, pagination, productGrid } from './components.js';

/** Query pairs of a listing URL in canonical order: q, filters (sorted), sort, page. */
export function listingParams(r: Pick<SearchResult, 'filters' | 'sort' | 'page'>, q: string | undefined, defaultSort: string, page = r.page): [string, string | number | undefined][] {
  return [
    ['q', q],
    ...F.filtersToParams(r.filters),
    ['sort', r.sort === defaultSort ? undefined : r.sort],
    ['page', page > 1 ? page : undefined],
  ];
}

function facetForm(ctx: PageCtx, r: SearchResult, action: string, q: string | undefined): Html {
  const { t } = ctx;
  return html`<form class="facets" id="facet-form" method="get" action="${action}" data-autosubmit>
  ${q ? html`<input type="hidden" name="q" value="${q}">` : ''}
  <h2 class="visually-hidden">${t('storefront.list.filters')}</h2>
  ${r.facets.map((f) =>
    f.kind === 'choice'
      ? html`<fieldset id="facet-${f.code}"><legend>${f.label}</legend>
          ${f.options.map((o) => html`<label><input type="checkbox" name="f.${f.code}" value="${o.code}" ${o.selected ? html`checked` : ''}> ${o.label} <span class="count">(${o.count})</span></label>`)}
        </fieldset>`
      : html`<fieldset id="facet-${f.code}"><legend>${f.label}${f.unit ? ` (${f.unit})` : ''}</legend>
          <div class="range">
            <label>${t('storefront.list.min')} <input type="number" step="any" name="f.${f.code}.min" value="${f.selected?.min ?? ''}" placeholder="${f.min ?? ''}" inputmode="decimal"></label>
            <label>${t('storefront.list.max')} <input type="number" step="any" name="f.${f.code}.max" value="${f.selected?.max ?? ''}" placeholder="${f.max ?? ''}" inputmode="decimal"></label>
          </div>
        </fieldset>`,
  )}
  <fieldset><legend>${t('storefront.list.availability')}</legend>
    <label><input type="checkbox" name="inStock" value="1" id="filter-in-stock" ${r.filters.inStock ? html`checked` : ''}> ${t('storefront.list.inStockOnly')}</label>
  </fieldset>
  <label for="sort-select">${t('storefront.list.sort')}</label>
  <select name="sort" id="sort-select">
    ${F.SORTS.filter((s) => s !== 'relevance' || q).map((s) => html`<option value="${s}" ${s === r.sort ? html`selected` : ''}>${t(`storefront.sort.${s}`)}</option>`)}
  </select>
  <button type="submit" id="apply-filters">${t('storefront.list.apply')}</button>
  ${F.activeFilterCount(r.filters) ? html`<a href="${action}${q ? queryString([['q', q]]) : ''}" id="clear-filters">${t('storefront.list.clear')}</a>` : ''}
</form>`;
}

export function listingBody(ctx: PageCtx, r: SearchResult, opts: { title: string; intro?: string; action: string; q?: string; defaultSort: string; crumbs: { name: string; href?: string }[]; subcategories?: { name: string; slug: string }[] }): Html {
  const { t } = ctx;
  const hrefFor = (p: number) => `${opts.action}${queryString(listingParams(r, opts.q, opts.defaultSort, p))}`;
  return html`${breadcrumb(ctx, opts.crumbs)}
<h1>${opts.title}</h1>
${opts.intro ? html`<p class="intro">${opts.intro}</p>` : ''}
${opts.subcategories?.length ? html`<nav aria-label="${t('storefront.list.subcategories')}"><ul class="chips">${opts.subcategories.map((s) => html`<li><a href="${localePath(ctx.locale, `/c/${s.slug}`)}">${s.name}</a></li>`)}</ul></nav>` : ''}
<div class="listing">
  <aside>${facetForm(ctx, r, opts.action, opts.q)}</aside>
  <section aria-labelledby="results-heading">
    <h2 id="results-heading" class="results-count">${t('storefront.list.results', { count: r.total })}</h2>
    ${r.items.length ? productGrid(ctx, r.items) : html`<p id="no-results">${t('storefront.list.empty')}</p>`}
    ${pagination(ctx, r.page, r.pages, hrefFor)}
  </section>
</div>`;
}
