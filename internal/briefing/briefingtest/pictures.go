package briefingtest

import (
	"handouts/internal/briefing"
	"handouts/internal/picture"
	"handouts/internal/picture/picturetest"
)

// PictureLink is the driver address of the Pictures briefing.
const PictureLink = "https://www.example.org/driver/integrated-care-2018?ref=handout"

// Alt texts of the Pictures briefing.
const (
	DiscAlt  = "A blue disc crossed by a half-transparent orange band"
	PhotoAlt = "A colour gradient from blue to yellow"
	LogoAlt  = "Test Library logo"
)

// Pictures returns a briefing with a link, a PNG with transparency
// (300 × 200), a JPEG (640 × 480) at half the text width, the same PNG
// again as a decorative picture, and a logo (240 × 80 PNG) for the
// project.
func Pictures() (doc *briefing.Document, logo *picture.Picture) {
	disc := mustPicture("images/disc.png", picturetest.PNG(300, 200))
	photo := mustPicture("images/photo.jpg", picturetest.JPEG(640, 480))
	logo = mustPicture("templates/logo.png", picturetest.PNG(240, 80))
	doc = Minimal(
		Para(Text("A disc with transparency:")),
		Para(&briefing.Image{URL: "images/disc.png", Alt: DiscAlt, Picture: disc}),
		Para(Text("A photograph at half the text width:")),
		Para(&briefing.Image{URL: "images/photo.jpg", Alt: PhotoAlt, Picture: photo, Width: 50}),
		Para(&briefing.Image{URL: "images/disc.png", Picture: disc, Decorative: true, Width: 20}),
		Para(Text("The end.")),
	)
	doc.Meta.Link = PictureLink
	return doc, logo
}

func mustPicture(name string, data []byte) *picture.Picture {
	p, err := picture.Check(name, data)
	if err != nil {
		panic(err)
	}
	return p
}
