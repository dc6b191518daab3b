// The Set-Cookie headers of a fetch() response. Headers.getSetCookie() is missing from some
// Node.js 18 releases (Debian 12's): there, the combined header is split before each "name=".
export function setCookies(headers) {
  if (typeof headers.getSetCookie === 'function') return headers.getSetCookie();
  const combined = headers.get('set-cookie');
  return combined ? combined.split(/,\s*(?=[A-Za-z0-9_.-]+=)/) : [];
}
