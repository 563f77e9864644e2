#!/usr/bin/python3
"""packaging/udev/generate-udev-rules.py: rules from profiles, deduplicated, typos refused."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

SOURCE = os.environ.get("ONEWINDOW_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
GENERATOR = os.path.join(SOURCE, "packaging", "udev", "generate-udev-rules.py")


class GenerateUdevRules(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def write(self, name, data):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(data if isinstance(data, str) else json.dumps(data))
        return path

    def run_generator(self, *inputs):
        out = os.path.join(self.tmp.name, "out.rules")
        r = subprocess.run([sys.executable, GENERATOR, out, *inputs], capture_output=True, text=True)
        text = open(out, encoding="utf-8").read() if r.returncode == 0 else None
        return r, text

    def test_profiles_and_lists_become_one_rule_per_device(self):
        profile = self.write("acme.json", {"name": "acme-id100", "backend": "pcsc",
                                           "match": {"usb": ["0400:C35A", "0400:c35a"]}})
        listing = self.write("nfc.json", {"usb": [{"id": "072f:2200", "name": "ACS ACR122U"}]})
        nomatch = self.write("generic.json", {"name": "generic-sam", "backend": "pcsc"})
        r, text = self.run_generator(profile, listing, nomatch)
        self.assertEqual(r.returncode, 0, r.stderr)
        rules = [l for l in text.splitlines() if l.startswith("SUBSYSTEM")]
        self.assertEqual(len(rules), 2)  # the duplicate ID (case differs) is one device
        self.assertIn('ATTR{idVendor}=="0400", ATTR{idProduct}=="c35a"', rules[0])
        self.assertIn('ATTR{idVendor}=="072f", ATTR{idProduct}=="2200"', rules[1])
        for rule in rules:
            self.assertIn('GROUP="onewindow", MODE="0660"', rule)

    def test_metainfo_declares_the_same_devices(self):
        profile = self.write("acme.json", {"name": "acme-id100", "match": {"usb": ["0400:c35a"]}})
        metainfo = os.path.join(self.tmp.name, "kiosk.metainfo.xml")
        out = os.path.join(self.tmp.name, "out.rules")
        r = subprocess.run([sys.executable, GENERATOR, "--metainfo", metainfo, out, profile],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        import xml.etree.ElementTree as ET
        root = ET.parse(metainfo).getroot()
        self.assertEqual([m.text for m in root.iter("modalias")], ["usb:v0400pC35Ad*"])

    def test_malformed_ids_stop_the_build(self):
        for bad in ({"name": "x", "match": {"usb": ["0400-c35a"]}},
                    {"name": "x", "match": {"usb": "0400:c35a"}},
                    {"usb": [{"name": "no id"}]}):
            path = self.write("bad.json", bad)
            r, _ = self.run_generator(path)
            self.assertEqual(r.returncode, 1, bad)
            self.assertIn("bad.json", r.stderr)
        r, _ = self.run_generator(self.write("broken.json", "{not json"))
        self.assertEqual(r.returncode, 1)

    def test_project_inputs_cover_libnfc_readers(self):
        readers = os.path.join(SOURCE, "resources", "readers")
        inputs = [os.path.join(readers, f) for f in os.listdir(readers) if f.endswith(".json")]
        inputs.append(os.path.join(SOURCE, "packaging", "udev", "nfc-usb-readers.json"))
        r, text = self.run_generator(*inputs)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn('ATTR{idVendor}=="072f", ATTR{idProduct}=="2200"', text)  # ACR122U
        self.assertIn('ATTR{idVendor}=="04cc", ATTR{idProduct}=="2533"', text)  # PN533


if __name__ == "__main__":
    unittest.main()
