/**
 * The layers of src/ (checked by `npm test`): stages depend downwards only, the renderer sees only
 * the document model, fonts, text and util/ helpers, and stages are composed in src/pipeline/ alone.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment: 'Folders depend one way: a cycle between folders means a stage reaches back into another.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-file-cycles',
      comment: 'Modules import one another one way; a cycle through type imports only costs nothing at run time.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'model-imports-nothing',
      comment: 'src/model/ is plain types and tables: it imports nothing, not even a package.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { pathNot: '^src/model/' },
    },
    {
      name: 'render-sees-the-model',
      comment:
        'render/ turns a finished document into bytes: model, fonts, text and util/ helpers only (and its packages).',
      severity: 'error',
      from: { path: '^src/render/' },
      to: { path: '^src/', pathNot: '^src/(render|model|fonts|text|util)/' },
    },
    {
      name: 'util-is-a-leaf',
      comment:
        'src/util/ holds helpers any layer may use (sha256, memo, the cache folder): they import nothing of ours.',
      severity: 'error',
      from: { path: '^src/util/' },
      to: { path: '^src/', pathNot: '^src/util/' },
    },
    {
      name: 'deliver-is-a-stage',
      comment: 'deliver/ receives composed letters; it never runs the pipeline or reaches the command line.',
      severity: 'error',
      from: { path: '^src/deliver/' },
      to: { path: '^src/(pipeline|cli)/' },
    },
    {
      name: 'pipeline-composes-stages',
      comment: 'Only the commands call the pipeline; stages do not compose each other through it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli|pipeline)/' },
      to: { path: '^src/pipeline/' },
    },
    {
      name: 'cli-is-the-edge',
      comment: 'Nothing below the command line imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.d\\.ts$' },
  },
};
