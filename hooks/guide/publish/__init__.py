"""Publishing: what a published build adds to the pages (PDFs printed by Chromium, the offline zip).

Only ``offline_bundle`` uses MkDocs (it builds the site a second time, in
offline mode); the plan of PDFs, the printing and the loopback server are
plain Python and the system Chromium.
"""
