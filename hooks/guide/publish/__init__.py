"""Publishing: what a published build adds to the pages (PDFs printed by Chromium, the offline zip).
"""
