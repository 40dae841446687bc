// This folder is gopkg.in/yaml.v3 v3.0.1 (MIT and Apache 2.0: LICENSE and
// NOTICE beside it), copied so that its initialisers stop running in every
// restage process. Upstream compiles two regular expressions (yamlStyleFloat,
// base60float) and fills its resolve and tag tables in package initialisers:
// 125K instructions of each whole restage run, which mostly reads no YAML
// at all (a Dockerfile with no .restage.yaml, user preset or compose file).
// Here the patterns are compiled at first use (sync.OnceValue) and the
// tables filled at the first resolve or tag lookup (sync.Once); the files
// are otherwise upstream's, formatted by gofmt (comment whitespace only).
// Upstream (go-yaml/yaml) is archived, so there is nothing to follow;
// TestSameAsUpstream holds the copy equal to it on every YAML file of the
// repository. Lines changed from upstream are marked "restage:".

package yaml
