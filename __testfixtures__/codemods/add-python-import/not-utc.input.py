from datetime import datetime

import pulumi

pulumi.export("built_at", datetime.now(UTC).isoformat())
