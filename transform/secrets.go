package transform

import "strings"

// secretWords and allowWords are the words of BuildKit's
// SecretsUsedInArgOrEnv lint rule (frontend/dockerfile/dockerfile2llb/
// validations.go, getSecretsRegex, BuildKit v0.34): a variable's name
// looks like a secret when one of its words, split at "_" and in any
// case, is a secret word and none is an allow word. API_KEY, DB_PASSWORD
// and GITHUB_TOKEN look like secrets; KEY_FILE, PUBLIC_KEY and
// TOKEN_VERSION do not. TestSecretNameMatchesBuildKit checks the list
// against the linter itself.
var (
	secretWords = []string{"apikey", "auth", "credential", "credentials", "key", "password", "pword", "passwd", "secret", "token"}
	allowWords  = []string{"public", "file", "version"}
)

// secretName reports whether a variable's name looks like it holds a
// secret, as BuildKit's linter decides it.
func secretName(name string) bool {
	secret := false
	for _, w := range strings.Split(name, "_") {
		for _, a := range allowWords {
			if strings.EqualFold(w, a) {
				return false
			}
		}
		for _, s := range secretWords {
			if strings.EqualFold(w, s) {
				secret = true
			}
		}
	}
	return secret
}
