from moto import mock_s3 as s3_mock


@s3_mock
def test_bucket():
    pass
