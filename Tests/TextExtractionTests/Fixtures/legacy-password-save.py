# Saves LibreOffice documents with a password to open, through LibreOffice's own filters.
import sys, uno, time, subprocess
from com.sun.star.beans import PropertyValue
def prop(n, v):
    p = PropertyValue(); p.Name = n; p.Value = v; return p
proc = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore",
    "--accept=socket,host=127.0.0.1,port=2202;urp;"])
ctx = None
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(60):
    try:
        ctx = resolver.resolve("uno:socket,host=127.0.0.1,port=2202;urp;StarOffice.ComponentContext"); break
    except Exception:
        time.sleep(1)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
for src, dst, flt in [("/tmp/fx/pupil.doc", "/tmp/fx/pupil-password.doc", "MS Word 97"),
                      ("/tmp/fx/pupils.xls", "/tmp/fx/pupils-password.xls", "MS Excel 97"),
                      ("/tmp/fx/slides.ppt", "/tmp/fx/slides-password.ppt", "MS PowerPoint 97")]:
    doc = desktop.loadComponentFromURL("file://" + src, "_blank", 0, (prop("Hidden", True),))
    doc.storeToURL("file://" + dst, (prop("FilterName", flt), prop("Password", "secret")))
    doc.close(True)
try:
    desktop.terminate()
except Exception:
    pass
proc.wait(timeout=30)
