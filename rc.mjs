import { check } from 'recheck';
const pats = ['Cannot find version (?<v>[0-9.]+) for (?<e>[a-z-]+)', 'The specified KMS key does not exist or is not allowed to be used with Arn \'(?<arn>[^\']+)\'', 'foo (bar|baz)+ qux', '(?<x>\\w+) is deprecated\\. [Uu]se (?<y>\\w+) instead'];
for (let k=0;k<3;k++) for (const p of pats) { const t=Date.now(); const r = await check(p, '', {timeout:10000, checker: process.env.CK}); console.log(r.status, Date.now()-t, 'ms'); }
