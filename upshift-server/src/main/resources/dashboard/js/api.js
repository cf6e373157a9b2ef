// The dashboard's only way to the data: the public /v1 API, with the key in the Authorization
// header. Whatever the dashboard shows, a script can ask the same endpoint for.

/** An error reply of the API: its HTTP status and the §8.4 error code and message. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * Parses JSON keeping every number's exact source text where the browser offers it (JSON.parse
 * source text access): ledger amounts carry 6 decimals, which a double cannot always hold. With
 * `exact`, numbers become their source strings; otherwise they stay numbers.
 */
export function parseJson(text, exact) {
  if (!exact) {
    return JSON.parse(text);
  }
  return JSON.parse(text, (key, value, context) => {
    if (typeof value !== 'number') {
      return value;
    }
    return context && typeof context.source === 'string' ? context.source : String(value);
  });
}

export class Api {
  /** @param key the API key; kept in this object only, never put in a URL */
  constructor(key) {
    this.key = key;
  }

  headers(extra) {
    return Object.assign({ Authorization: 'Bearer ' + this.key }, extra || {});
  }

  async request(path, params, options) {
    const opts = options || {};
    const url = path + query(params);
    const response = await fetch(url, {
      headers: this.headers(opts.accept ? { Accept: opts.accept } : null),
      signal: opts.signal,
      cache: 'no-store',
    });
    const text = await response.text();
    if (!response.ok) {
      let code = 'http_' + response.status;
      let message = text;
      try {
        const body = JSON.parse(text);
        code = body.error.code;
        message = body.error.message;
      } catch (e) {
        // not the JSON error body (a proxy's page): keep the text
      }
      throw new ApiError(response.status, code, message);
    }
    return { text, version: Number(response.headers.get('Upshift-Data-Version')) };
  }

  /** Checks the key: any read-scope endpoint will do; the OpenAPI document costs nothing. */
  async check() {
    await this.request('/v1/openapi.json');
  }

  /** GET /v1/report: the §7.2 JSON (with analysis sections when asked), plus dataVersion. */
  async report(params, signal) {
    const reply = await this.request('/v1/report', params, { signal });
    return parseJson(reply.text, false);
  }

  /** Every ledger row of one figure (GET /v1/ledger, page after page), amounts as exact text. */
  async ledger(params, signal) {
    const rows = [];
    let after = null;
    let version = null;
    // Bounded: 20 pages of 10,000 rows; past that the CSV download has them all.
    for (let page = 0; page < 20; page++) {
      const reply = await this.request('/v1/ledger',
        Object.assign({}, params, { limit: 10000, after }), { signal });
      const body = parseJson(reply.text, true);
      rows.push(...body.rows);
      version = body.dataVersion;
      after = body.next;
      if (!after) {
        return { rows, complete: true, dataVersion: version };
      }
    }
    return { rows, complete: false, dataVersion: version };
  }

  /** The same rows as the §7.3 CSV (Accept: text/csv), for the download. */
  async ledgerCsv(params) {
    return (await this.request('/v1/ledger', params, { accept: 'text/csv' })).text;
  }

  /** GET /v1/customers/{id}/explain. */
  async explain(customerId, params, signal) {
    const reply = await this.request('/v1/customers/' + encodeURIComponent(customerId)
      + '/explain', params, { signal });
    return parseJson(reply.text, true);
  }

  /** A few customer records, to learn the customer attributes the segments can use. */
  async customers(limit) {
    const reply = await this.request('/v1/customers', { limit });
    return JSON.parse(reply.text).records;
  }
}

/** A query string of the parameters that have a value (empty ones are left to the defaults). */
export function query(params) {
  if (!params) {
    return '';
  }
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') {
      search.append(name, String(value));
    }
  }
  const text = search.toString();
  return text ? '?' + text : '';
}
