// TypeScript transform: `new apigw.RestApi(this, 'Id', { ... })` (any import style, props inline
// or in a const used only there, or no props at all) gets `cloudWatchRole: true`. Text splices,
// so comments and layout stay.
import type { CodemodContext, CodemodResult } from '../../src/fix/contract.js';
import type { ts as TsNamespace } from 'ts-morph';
import { addPropertySplice, findProp, lineOf, localObject, parsesCleanly, parseTs, qualifiedCdkName, stringText, unwrapExpr, walkTs, type TS, type TsFile } from '../shared/ts-source.js';
import { applySplices } from '../add-logs-kms-statement/source.js';
import { decide, type ApiSite } from './decide.js';
import { REST_API_CLASSES } from './index.js';

const CDK_MODULES = ['aws-cdk-lib/aws-apigateway', '@aws-cdk/aws-apigateway'];
const PULUMI_APIGW = /^(?:@pulumi\/aws\.apigateway\.|@cdktf\/provider-aws)/;

export async function run(ctx: CodemodContext): Promise<CodemodResult> {
  const { ts } = await import('ts-morph');
  const sites: ApiSite[] = [];
  const pulumi: string[] = [];
  for (const f of ctx.files) {
    const file = parseTs(ts, f.path, f.text);
    if (!parsesCleanly(file)) continue;
    let sawPulumi = false;
    walkTs(ts, file.sf, (n) => {
      if (!ts.isNewExpression(n)) return;
      const q = qualifiedCdkName(ts, file, n.expression);
      if (!q) return;
      if (PULUMI_APIGW.test(q) || /^@cdktf\/provider-aws\/lib\/api-gateway-/.test(q)) sawPulumi = true;
      const dot = q.lastIndexOf('.');
      if (!CDK_MODULES.includes(q.slice(0, dot)) || !REST_API_CLASSES.includes(q.slice(dot + 1))) return;
      sites.push(site(ts, file, n, q.slice(dot + 1)));
    });
    if (sawPulumi) pulumi.push(f.path);
  }
  return decide(ctx, sites, pulumi, { yes: 'true', no: 'false' });
}

function site(ts: TS, file: TsFile, call: TsNamespace.NewExpression, cls: string): ApiSite {
  const args = call.arguments ?? [];
  const id = stringText(ts, args[1] ? unwrapExpr(ts, args[1]) : undefined);
  const base = {
    key: `${file.path}:${call.getStart(file.sf)}`,
    file: file.path,
    line: lineOf(file, call),
    what: `${cls} '${id ?? args[1]?.getText(file.sf) ?? '?'}'`,
    owners: id !== undefined ? [[id]] : [],
    prop: 'cloudWatchRole',
  };
  const entry = 'cloudWatchRole: true';
  if (args.length === 2) {
    // `new apigw.RestApi(this, 'Api')`: the props argument is optional for RestApi.
    const end = args[1]!.getEnd();
    return { ...base, state: 'missing', apply: () => applySplices(file.text, [{ pos: end, end, text: `, { ${entry} }` }]) };
  }
  const raw = args[2] ? unwrapExpr(ts, args[2]) : undefined;
  let obj: TsNamespace.ObjectLiteralExpression | undefined;
  if (raw && ts.isObjectLiteralExpression(raw)) obj = raw;
  else if (raw && ts.isIdentifier(raw)) obj = localObject(ts, file, raw);
  if (!obj) return { ...base, state: 'other' };
  const found = findProp(ts, obj, 'cloudWatchRole');
  if (found.value) {
    const v = unwrapExpr(ts, found.value);
    const state = v.kind === ts.SyntaxKind.TrueKeyword ? 'true' : v.kind === ts.SyntaxKind.FalseKeyword ? 'false' : 'other';
    return { ...base, state };
  }
  if (found.prop || found.opaque) return { ...base, state: 'other' };
  const target = obj;
  return { ...base, state: 'missing', apply: () => applySplices(file.text, [addPropertySplice(ts, file, target, entry)]) };
}
