package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handouts/internal/picture/picturetest"
)

func TestLogoAndQR(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"templates/logo.png": picturetest.PNG(60, 20),
		"templates/logo.txt": []byte("not a picture"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := filepath.Join(dir, FileName)
	tests := []struct {
		name, yaml string
		want       string // diagnostics, the config's path as "C"
		check      func(t *testing.T, c *Config)
	}{
		{"logo and its alt text", "logo: templates/logo.png\nlogo-alt: JET Library logo\n", "", func(t *testing.T, c *Config) {
			if c.LogoPicture == nil || c.LogoPicture.Width != 60 || c.LogoAlt != "JET Library logo" || c.NoQR {
				t.Errorf("got %+v", c)
			}
		}},
		{"qr off", "qr: false\n", "", func(t *testing.T, c *Config) {
			if !c.NoQR {
				t.Error("qr: false left the QR code on")
			}
		}},
		{"qr not a switch", "qr: maybe\n", `C:1: qr "maybe" is not true or false`, nil},
		{"logo without alt", "producer: P\nlogo: templates/logo.png\n", `C:2: the logo has no alternative text; add logo-alt: naming it, such as "JET Library logo", for readers who cannot see it`, nil},
		{"alt without logo", "logo-alt: Logo\n", `C:1: logo-alt is given but no logo; add logo: with the logo's file, or remove logo-alt`, nil},
		{"logo missing", "logo: templates/nope.png\nlogo-alt: L\n", `C:1: logo "templates/nope.png" does not exist; check the file name (names are case-sensitive) and that the file is in the project`, nil},
		{"logo not a picture", "logo: templates/logo.txt\nlogo-alt: L\n", `C:1: logo "templates/logo.txt" is not a PNG or JPEG picture; save it as PNG (for diagrams) or JPEG (for photographs)`, nil},
		{"logo outside", "logo: ../logo.png\nlogo-alt: L\n", `C:1: logo "../logo.png" goes up with ".."; keep pictures in this file's folder or a folder under it, such as images/`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := os.WriteFile(cfg, []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			c, diags := LoadFile(cfg)
			got := strings.ReplaceAll(strings.Join(strs(diags), "\n"), filepath.ToSlash(cfg), "C")
			if got != tt.want {
				t.Fatalf("got %q\nwant %q", got, tt.want)
			}
			if tt.check != nil {
				tt.check(t, c)
			}
		})
	}
}
