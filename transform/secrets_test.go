package transform

import (
	"fmt"
	"strings"
	"testing"
)

// TestSecretNameMatchesBuildKit asks BuildKit's linter itself which names
// SecretsUsedInArgOrEnv reports, so that secretName follows the rule and
// not a copy of it.
func TestSecretNameMatchesBuildKit(t *testing.T) {
	names := []string{
		"API_KEY", "api_key", "APIKEY", "GITHUB_TOKEN", "DB_PASSWORD", "PASSWD", "PWORD", "SECRET",
		"secret_MESSAGE", "AUTH", "AWS_CREDENTIALS", "MY_CREDENTIAL_X", "NPM_AUTH_TOKEN",
		"KEY_FILE", "PUBLIC_KEY", "TOKEN_VERSION", "SECRET_FILE", "public_token",
		"KEYS", "MONKEY", "TOKENIZER", "AUTHOR", "PASSWORDS", "KEYWORD", "HOME", "PORT", "X__KEY",
		"_KEY", "KEY_", "K_E_Y", "SSH_PRIVATE_KEY", "FILE_SECRET_PUBLIC",
	}
	var df strings.Builder
	df.WriteString("FROM scratch\n")
	for _, n := range names {
		fmt.Fprintf(&df, "ARG %s\n", n)
	}
	ws, errMsg := lintDockerfile(t, []byte(df.String()))
	if errMsg != "" {
		t.Fatal(errMsg)
	}
	reported := map[string]bool{}
	for _, w := range ws {
		if w.Rule == "SecretsUsedInArgOrEnv" {
			reported[names[w.Line-2]] = true
		}
	}
	if len(reported) == 0 {
		t.Fatal("the linter reported no secret: is the rule still called SecretsUsedInArgOrEnv?")
	}
	for _, n := range names {
		if secretName(n) != reported[n] {
			t.Errorf("secretName(%q) = %v, BuildKit's linter says %v", n, secretName(n), reported[n])
		}
	}
}
