from moto import mock_dynamodb
from tests.helpers import make_table


@mock_dynamodb
def test_make_table():
    assert make_table("t")
