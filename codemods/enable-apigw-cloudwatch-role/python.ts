// Python transform: `apigw.RestApi(self, "Id", ...)` (any import style) gets
// `cloud_watch_role=True` in the call's own layout. `**kwargs` with no explicit keyword is
// refused: the props are built where this codemod does not look.
import type { CodemodContext, CodemodResult } from '../../src/fix/contract.js';
import type { Node } from '../../src/fix/python/parser.js';
import { decide, type ApiSite } from './decide.js';
import { REST_API_CLASSES } from './index.js';

const TARGETS = new Map(REST_API_CLASSES.map((c) => [`aws_cdk.aws_apigateway.${c}`, c]));

export async function run(ctx: CodemodContext): Promise<CodemodResult> {
  const [{ withPython }, { Imports }, { callArgs, calleeName, findAll, stringValue, indentUnit }, { applyEdits }, { addKeywordArgument }] = await Promise.all([
    import('../../src/fix/python/parser.js'),
    import('../../src/fix/python/imports.js'),
    import('../../src/fix/python/syntax.js'),
    import('../../src/fix/python/edits.js'),
    import('../../src/fix/python/arguments.js'),
  ]);
  const sites: ApiSite[] = [];
  const pulumi: string[] = [];
  for (const f of ctx.files) {
    await withPython(f.path, f.text, (py) => {
      if (py.problems().length) return;
      const imports = new Imports(py);
      let sawPulumi = false;
      for (const call of findAll(py.root, 'call')) {
        const q = imports.qualify(calleeName(call));
        if (!q) continue;
        if (/^pulumi_aws\.apigateway\.|^cdktf_cdktf_provider_aws\.api_gateway_/.test(q)) sawPulumi = true;
        const cls = TARGETS.get(q);
        const args = callArgs(call);
        if (!cls || !args) continue;
        const idNode: Node | undefined = args.positional[1] ?? args.keywords.get('id')?.value;
        const id = stringValue(idNode);
        const base = {
          key: `${f.path}:${call.startIndex}`,
          file: f.path,
          line: call.startPosition.row + 1,
          what: `${cls} "${id ?? idNode?.text ?? '?'}"`,
          owners: id !== undefined ? [[id]] : [],
          prop: 'cloud_watch_role',
        };
        const kw = args.keywords.get('cloud_watch_role');
        if (kw) {
          const v = kw.value.text;
          sites.push({ ...base, state: v === 'True' ? 'true' : v === 'False' ? 'false' : 'other' });
        } else if (args.splat) {
          sites.push({ ...base, state: 'other' });
        } else {
          const edit = addKeywordArgument(f.text, args.list, 'cloud_watch_role=True', indentUnit(f.text));
          sites.push({ ...base, state: 'missing', apply: () => applyEdits(f.text, [edit]) });
        }
      }
      if (sawPulumi) pulumi.push(f.path);
    });
  }
  return decide(ctx, sites, pulumi, { yes: 'True', no: 'False' });
}
