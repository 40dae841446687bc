// node:*-alpine has no /usr/share/zoneinfo, so the link the RUN makes points
// nowhere: musl falls back to UTC, and ICU, which resolves the link with
// realpath(3), finds no zone either. The original prints UTC.
console.log(Intl.DateTimeFormat().resolvedOptions().timeZone, new Date().toString());
