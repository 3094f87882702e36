package config

import (
	"path/filepath"

	"handouts/internal/diag"
	"handouts/internal/picture"
)

// loadLogo checks the logo keys and reads the logo, a PNG or JPEG file
// inside the config file's folder, reporting problems at the key's line
// (keyLines, from parse).
func loadLogo(c *Config, path string, keyLines map[string]int, diags *diag.List) {
	if c.Logo == "" && c.LogoAlt == "" {
		return
	}
	logoLine, altLine := keyLines["logo"], keyLines["logo-alt"]
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

// Root is the project folder, which pictures must lie in: the config
// file's folder, or the working folder when there is no config file.
func (c *Config) Root() string {
	if c != nil && c.Path != "" {
		return filepath.Dir(c.Path)
	}
	return "."
}
