package plainlocale

import "testing"

func TestFix(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"LANG": "C.UTF-8"}, "LANGUAGE=en"},
		{map[string]string{"LC_ALL": "POSIX.UTF-8", "LANG": "de_DE.UTF-8"}, "LANGUAGE=en"},
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "fr"}, "="},
		{map[string]string{"LC_ALL": "de_DE.UTF-8", "LANG": "C.UTF-8"}, "="},
		{map[string]string{"LANG": "C"}, "="},
		{map[string]string{}, "="},
	} {
		k, v := Fix(func(k string) string { return c.env[k] })
		if got := k + "=" + v; got != c.want {
			t.Errorf("%v: got %q, want %q", c.env, got, c.want)
		}
	}
}
