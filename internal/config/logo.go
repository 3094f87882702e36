package config

import (
	"path/filepath"

	"go.yaml.in/yaml/v3"

	"handouts/internal/diag"
	"handouts/internal/picture"
)

// loadLogo checks the logo keys and reads the logo, a PNG or JPEG file
// inside the config file's folder, reporting problems at the key's line.
func loadLogo(c *Config, path string, data []byte, diags *diag.List) {
	if c.Logo == "" && c.LogoAlt == "" {
		return
	}
	logoLine, altLine := keyLine(data, "logo"), keyLine(data, "logo-alt")
	switch {
	case c.Logo == "":
		diags.Errorf(path, altLine, "logo-alt is given but no logo; add logo: with the logo's file, or remove logo-alt")
		return
	case c.LogoAlt == "":
		diags.Errorf(path, logoLine, "the logo has no alternative text; add logo-alt: naming it, such as \"JET Library logo\", for readers who cannot see it")
		return
	}
	dir := filepath.Dir(path)
	file, err := picture.Resolve(dir, dir, c.Logo)
	if err == nil {
		c.LogoPicture, err = picture.Load(file, c.Logo)
	}
	if err != nil {
		diags.Errorf(path, logoLine, "logo %q %s", c.Logo, err)
		return
	}
	c.Logo = file
}

// keyLine finds the line of a top-level key, for the diagnostics that
// need the file system; 0 when it is not there.
func keyLine(data []byte, key string) int {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return 0
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i].Line
		}
	}
	return 0
}

// Root is the project folder, which pictures must lie in: the config
// file's folder, or the working folder when there is no config file.
func (c *Config) Root() string {
	if c != nil && c.Path != "" {
		return filepath.Dir(c.Path)
	}
	return "."
}
