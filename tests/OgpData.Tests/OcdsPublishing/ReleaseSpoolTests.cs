using System.Text;
using OgpData.OcdsPublishing;

namespace OgpData.Tests.OcdsPublishing;

public class ReleaseSpoolTests
{
    [Theory]
    [InlineData(1L << 30)] // all in memory
    [InlineData(200L)]     // a run on disk every two or three releases
    public void Groups_by_ocid_in_code_point_order_keeping_input_order_within(long budget)
    {
        // U+FF5E sorts before U+1F600 by code point, after it by UTF-16 code unit: the spool orders by code point.
        string[] ocids = ["b", "a", "\U0001F600", "b", "\uFF5E", "a", "b"];
        var folder = Directory.CreateTempSubdirectory("ogpdata-spool-").FullName;
        try
        {
            using (var spool = new ReleaseSpool(budget, folder))
            {
                for (var i = 0; i < ocids.Length; i++)
                {
                    spool.Add(ocids[i], Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"), new ReleaseOrigin(0, "/" + i, i + 1, 1));
                }
                Assert.Equal(budget < 1000, spool.RunCount > 1);
                var groups = spool.Processes().Select(p => (p.Ocid, string.Join(",", p.Releases.Select(r => r.Origin.Pointer)))).ToList();
                Assert.Equal([("a", "/1,/5"), ("b", "/0,/3,/6"), ("\uFF5E", "/4"), ("\U0001F600", "/2")], groups);
            }
            Assert.Empty(Directory.GetFiles(folder)); // the runs are deleted with the spool
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
